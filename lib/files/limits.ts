// Upload limits: the server's checks and the upload component (which states them and applies them before sending) share them.

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const PDF_MAX_BYTES = 20 * 1024 * 1024;
export const UPLOAD_MAX_BYTES = PDF_MAX_BYTES;
/** Long edge a too-large photo is scaled to in the browser; the server keeps originals at this size too. */
export const IMAGE_MAX_EDGE = 2400;

export const IMAGE_LIMIT_LABEL = `${IMAGE_MAX_BYTES / 1024 / 1024} MB`;
export const PDF_LIMIT_LABEL = `${PDF_MAX_BYTES / 1024 / 1024} MB`;
