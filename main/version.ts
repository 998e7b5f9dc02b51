// Injected by the build (esbuild/vite `define`); falls back to package.json's version in dev.
declare const __PAVER_VERSION__: string | undefined;

export const paverVersion: string = typeof __PAVER_VERSION__ === 'string' ? __PAVER_VERSION__ : '0.1.0';
