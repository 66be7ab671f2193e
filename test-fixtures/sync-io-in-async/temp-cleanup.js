// A helper that removes a temporary file if it is there, run for each of two paths written in the
// code: two metadata questions, microseconds. Over a list that grows with the input it is reported,
// and named by the call that does its work.
const fs = require('fs');

function removeIfThere(filePath) {
  if (fs.existsSync(filePath)) {
    fs.unlinkSync(filePath);
  }
}

async function sendWithAttachments(mailer, message, pdfPath, certificatePath) {
  const cleanup = [pdfPath, certificatePath];
  await mailer.send(message);
  cleanup.forEach((file) => removeIfThere(file));
  for (const file of [pdfPath, certificatePath]) removeIfThere(file);
}

async function removeUploads(uploads) {
  await Promise.resolve();
  uploads.forEach((upload) => removeIfThere(upload.path));
  //                          ^^^^^^^^^^^^^ sync-io-in-async
}

function readLater(filePath) {
  return new Promise((resolve) => {
    setTimeout(() => {
      resolve(fs.readFileSync(filePath));
    }, 100);
  });
}

async function attachExport(filePath) {
  const buffer = await readLater(filePath);
  //                   ^^^^^^^^^ sync-io-in-async
  return { filename: 'export.pdf', content: buffer };
}

module.exports = { sendWithAttachments, removeUploads, attachExport };
