// What the renderer may import: the contract, its types, the client and the error classes.
export * from './events.js';
export * from './workspace-api.js';
export * from './app-api.js';
export * from './simulation-api.js';
export * from './cluster-api.js';
export * from './simulation-types.js';
export * from './git-api.js';
export * from './template-api.js';
export * from './contract.js';
export * from './transport.js';
export * from './client.js';
export * from './message-protocol.js';
export * from './channel-transport.js';
export * from './http-transport.js';
export * from '../errors/index.js';
