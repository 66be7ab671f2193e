// valid
import mongoose from '../infrastructure/mongoose.mjs';

export const Note = mongoose.model('Note', new mongoose.Schema({ body: String, workspaceId: mongoose.Schema.Types.ObjectId }));
