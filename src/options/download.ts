// Saves a file the teacher asked for, through the browser's own download (no permission needed).
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Give the download a moment to start before the object URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `heads-up-2026-11-25.json` style names, from the local date. */
export function datedFileName(prefix: string, extension: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
