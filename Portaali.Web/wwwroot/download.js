// Saves a file the server streamed to the browser (the Excel export), without a separate download endpoint.
export async function saveFile(fileName, streamReference) {
    const blob = new Blob([await streamReference.arrayBuffer()]);
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
}
