// Hands a file made in the page to the browser's download (exported progress, a saved machine, a file
// copied out of the guest).

/** A file for the browser to download. */
export interface DownloadFile {
  readonly name: string;
  readonly blob: Blob;
}

export function downloadFile(file: DownloadFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.click();
  // The download has started once click() returns; the URL can go after the current task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
