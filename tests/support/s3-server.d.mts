export declare const S3_TEST_CREDENTIALS: { accessKeyId: string; secretAccessKey: string };

export type TS3TestServer = {
  endpoint: string;
  port: number;
  bucket: string;
  region: string;
  directory: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The variables lib/env.ts reads to store files in this server's bucket. */
  env: {
    STORAGE_DRIVER: 's3';
    S3_ENDPOINT: string;
    S3_BUCKET: string;
    S3_REGION: string;
    S3_ACCESS_KEY_ID: string;
    S3_SECRET_ACCESS_KEY: string;
  };
  stop(): Promise<void>;
};

export declare function startS3Server(options?: { bucket?: string; region?: string }): Promise<TS3TestServer>;
