/** The assistant step starts from what the survey found (issue 12): an Echo ticks Alexa. */
import { describe, expect, it } from 'vitest';
import { assistantsFound } from '../../../renderer/steps/assistant/found';

const dev = (vendor: string | null, names: string[], category = 'unknown', model: string | null = null) => ({ vendor, names, category, model });

describe('assistantsFound', () => {
  it('an Echo (by its mDNS name, or an Amazon speaker) suggests Alexa', () => {
    expect(assistantsFound([dev('Amazon Technologies Inc.', ['Kitchen Echo'], 'speaker')])).toEqual(['alexa']);
    expect(assistantsFound([dev(null, ['Echo Dot-1A2B'])])).toEqual(['alexa']);
    expect(assistantsFound([dev('Amazon Technologies Inc.', ['amazon-fire-tv'], 'tv')])).toEqual([]);
  });
  it('a Nest speaker suggests Google, a HomePod Siri; a router or a laptop nothing', () => {
    expect(assistantsFound([dev('Google, Inc.', ['Living Room speaker'], 'speaker'), dev('Apple, Inc.', ['HomePod mini'], 'speaker')])).toEqual(['google', 'siri']);
    expect(assistantsFound([dev('AVM GmbH', ['fritz.box'], 'router'), dev('Apple, Inc.', ['MacBook'], 'computer')])).toEqual([]);
  });
});
