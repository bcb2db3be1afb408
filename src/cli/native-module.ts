/**
 * A native addon built for another Node.js (node_modules copied from another machine, or Node upgraded after
 * `npm install`): Node refuses it with ERR_DLOPEN_FAILED and a message naming both NODE_MODULE_VERSIONs
 * (https://nodejs.org/api/addons.html). The fix is one command, so the CLI says that command instead of a stack.
 */

/** One line naming the package and the command that fixes it, or `undefined` for any other error. */
export function describeNativeModuleError(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const message = cause.message;
    if ((cause as NodeJS.ErrnoException).code !== 'ERR_DLOPEN_FAILED' && !message.includes('NODE_MODULE_VERSION')) continue;
    const pkg = packageOf(message);
    if (!pkg) continue;
    const [built, needed] = [...message.matchAll(/NODE_MODULE_VERSION (\d+)/g)].map((match) => match[1]);
    const why = built && needed
      ? `was built for another version of Node.js (NODE_MODULE_VERSION ${built}; Node.js ${process.versions.node} needs ${needed})`
      : 'cannot be loaded (its native part is missing or was built for another system)';
    return `${pkg} ${why}: run \`npm rebuild ${pkg}\` in the project folder`;
  }
  return undefined;
}

/** `better-sqlite3` from `…/node_modules/better-sqlite3/build/Release/better_sqlite3.node`. */
function packageOf(message: string): string | undefined {
  const at = message.lastIndexOf('node_modules/');
  if (at === -1) return undefined;
  const [first, second] = message.slice(at + 'node_modules/'.length).split('/');
  if (!first) return undefined;
  return first.startsWith('@') && second ? `${first}/${second}` : first;
}
