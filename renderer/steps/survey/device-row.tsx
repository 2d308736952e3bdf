import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryDevice } from './use-survey';
import { Disclosure, FormRow, StatusBadge } from '../../design';
import { formatMessage } from '../../i18n/messages';

/** True for the router itself (by its kind or because it is the gateway): it never moves to the IoT network. */
export function isTheRouter(device: Pick<InventoryDevice, 'category' | 'ip'>, gateway: string | null): boolean {
  return device.category === 'router' || (gateway !== null && device.ip === gateway);
}

/** The device's facts line: maker, model and address; the hardware (MAC) address only when nothing names the device. */
export function factsLine(device: Pick<InventoryDevice, 'vendor' | 'model' | 'ip' | 'mac' | 'names'>, noVendor: string): string {
  const named = device.names.length > 0 || device.vendor !== null || device.model !== null;
  return [device.vendor ?? noVendor, device.model, device.ip, named ? null : device.mac].filter(Boolean).join(' · ');
}

/** One device of the inventory: name (editable), what answered, "move to IoT" (never for the router), remove. */
export function DeviceRow({
  device,
  gateway = null,
  onEdit,
}: {
  device: InventoryDevice;
  gateway?: string | null;
  onEdit: (change: { name?: string | null; moveToIot?: boolean; removed?: boolean }) => void;
}) {
  const { t } = useTranslation('survey');
  const id = useId();
  const title = device.names[0] ?? device.model ?? device.vendor ?? device.ip ?? device.id;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.names[0] ?? '');
  return (
    <li className="survey-device" data-testid="survey-device" data-ip={device.ip ?? ''} data-id={device.id} data-status={device.status}>
      <div className="survey-device-head">
        <strong>{title}</strong>
        {device.status === 'unknown' && <StatusBadge tone="unknown" label={t('device.unknown')} className="survey-badge" />}
        {device.status === 'not-seen' && <StatusBadge tone="skipped" label={t('device.notSeen')} className="survey-badge" />}
      </div>
      <p className="hint">
        {factsLine(device, t('device.noVendor'))}
      </p>
      {device.reason && device.status !== 'identified' && <p className="hint">{t('device.reason', { reason: formatMessage(device.reason) })}</p>}
      {(device.services.length > 0 || device.firstSeen) && (
        <Disclosure quiet summary={t('device.more')}>
          {device.services.length > 0 && <p className="hint">{t('device.services', { list: device.services.slice(0, 4).join(', ') })}</p>}
          {device.firstSeen && <p className="hint">{t('device.seen', { first: device.firstSeen.slice(0, 10), last: device.lastSeen?.slice(0, 10) ?? '—' })}</p>}
        </Disclosure>
      )}
      <div className="survey-device-actions">
        {isTheRouter(device, gateway) ? (
          <p className="hint">{t('device.routerStays')}</p>
        ) : (
          <FormRow inline className="survey-move">
            <input type="checkbox" id={`${id}-move`} checked={device.moveToIot} onChange={(e) => onEdit({ moveToIot: e.target.checked })} />
            <label htmlFor={`${id}-move`}>{t('device.move', { name: title })}</label>
          </FormRow>
        )}
        <div className="survey-device-buttons">
        {editing ? (
          <form
            className="survey-rename"
            onSubmit={(e) => {
              e.preventDefault();
              onEdit({ name: name.trim() || null });
              setEditing(false);
            }}
          >
            <label htmlFor={`${id}-name`}>{t('device.nameLabel')}</label>
            <input id={`${id}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="button-choice">
              {t('device.save')}
            </button>
          </form>
        ) : (
          <button type="button" className="button-choice" onClick={() => setEditing(true)} aria-label={t('device.renameLabel', { name: title })}>
            {t('device.rename')}
          </button>
        )}
        <button type="button" className="button-choice" onClick={() => onEdit({ removed: true })} aria-label={t('device.removeLabel', { name: title })}>
          {t('device.remove')}
        </button>
        </div>
      </div>
    </li>
  );
}
