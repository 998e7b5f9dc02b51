// The `paver` binary.
import { processIo, runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2), processIo());
// Let pending writes drain, then exit even when servers or watchers are open.
process.stdout.write('', () => process.exit(code));
