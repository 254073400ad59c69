/** Offers `content` to the user as a file download named `filename`. */
export function downloadText(filename: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Chromium, so the URL lives a little longer.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
