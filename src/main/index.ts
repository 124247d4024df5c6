// Entry point: `uriage <command>` (bin/uriage.js) and `npm start` (= uriage serve --demo).
import { runCli } from './cli.js';

const exitCode = await runCli(process.argv.slice(2));
// Exit now: a failed start (port taken, database lost) must not leave timers or workers running.
process.exit(exitCode);
