export type TClusterProcess = { name: string; url: string; port: number; pid: number | undefined };
export type TCluster = {
  /** nginx's address; null when started without nginx. */
  url: string | null;
  instances: TClusterProcess[];
  workers: TClusterProcess[];
  /** The environment every app process shares (secrets, REDIS_URL, the S3 settings). */
  env: Record<string, string>;
  dir: string;
  nginxPid: number | undefined;
  stop: () => Promise<void>;
};
export function startCluster(options: {
  databaseUrl: string;
  instances?: number;
  workers?: number;
  nginx?: boolean;
  env?: Record<string, string>;
  log?: (message: string) => void;
}): Promise<TCluster>;
