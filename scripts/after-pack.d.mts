// Types for scripts/after-pack.mjs (the electron-builder hook stays plain JS so electron-builder loads it directly).
import type { FuseConfig, FuseState } from '@electron/fuses';

/** The subset of electron-builder's AfterPackContext the hook reads. */
export interface PackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare const FUSES: Readonly<Record<number, boolean>>;
export declare const KEYTAR_NODE: string;
export declare function resourcesDirOf(context: PackContextLike): string;
export declare function electronBinaryOf(context: PackContextLike): string;
export declare function nativeTargetOf(file: string): { platform: string; arch: string };
export declare function assertKeytarUnpacked(resourcesDir: string, platform: string, arch?: string): string;
export declare function applyFuses(binary: string, opts?: { resetAdHocDarwinSignature?: boolean }): Promise<FuseConfig<FuseState>>;
export declare function afterPack(context: PackContextLike): Promise<void>;
export default afterPack;
