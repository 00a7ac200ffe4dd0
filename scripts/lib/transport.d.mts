export declare function plainHttpWarning(options: { publicUrl: string; bindHost: string | undefined }): string | null;
