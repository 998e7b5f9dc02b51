export interface ElectronBinary {
  path?: string;
  reason?: string;
  packageDir?: string;
}
export function findElectronBinary(): ElectronBinary;
export function findOrDownloadElectronBinary(): ElectronBinary;
