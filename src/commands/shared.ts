/** Small helpers shared by the command modules: the exit code a command ends with. */
let exitCode = 0;

export function setExit(code: number): void {
  exitCode = Math.max(exitCode, code);
}

export function takeExit(): number {
  const code = exitCode;
  exitCode = 0;
  return code;
}
