export function isAlive(pid: number): boolean;
export function processInfo(pid: number): { pid: number; ppid: number; name: string; args: string[] } | null;
export function ownerFile(dir: string): string;
export function recordOwner(dir: string, postmasterPid: number | undefined): void;
export function clearStalePostmaster(dir: string, options?: { log?: (message: string) => void }): Promise<void>;
export function watchPostmaster(postmasterPid: number | undefined, options?: { removeDir?: string }): number | undefined;
