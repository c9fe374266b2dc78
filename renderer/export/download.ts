/**
 * Saves an exported file from the renderer: the bytes (base64 from the API)
 * become a Blob, and a link with a download attribute is clicked. In the browser
 * shell that is a download; in Electron the main process turns a download into
 * the system's save dialog. Nothing is ever rendered from the file.
 */

export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const blob = new Blob([bytesFromBase64(base64)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download time to start before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
