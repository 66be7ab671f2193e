// A module factory that is handed its instance (`methods(self) { return { ... } }`) calls its own methods through it. A memo
// the loop hands every call, filled two calls down (`resized[hash] = true` in a helper of the method), makes each call see what
// the earlier ones did: started together, two documents of one image would both resize it. A method that only reads what it is
// handed shares nothing, and its loop is reported.
module.exports = {
  methods(self) {
    return {
      async refreshCrops(req, image) {
        const resized = {};
        for (const docId of image.usedBy) {
          await self.refreshCropsOf(req, docId, image, resized);
        }
      },

      async refreshCropsOf(req, docId, image, resized = {}) {
        const doc = await self.loadDoc(req, docId);
        for (const crop of doc.crops) {
          await resize(image, crop, resized);
        }

        async function resize(source, crop, done) {
          const hash = `${source.id}:${crop.width}x${crop.height}`;
          if (done[hash]) return;
          await self.cropper.resize(source, crop);
          done[hash] = true;
        }
      },

      async announceCrops(req, image) {
        const labels = { done: 'Cropped' };
        for (const docId of image.usedBy) {
          await self.announceTo(req, docId, labels);
//        ^^^^^ await-in-loop
        }
      },

      async announceTo(req, docId, labels) {
        await self.notify(req, docId, labels.done);
      },
    };
  },
};
