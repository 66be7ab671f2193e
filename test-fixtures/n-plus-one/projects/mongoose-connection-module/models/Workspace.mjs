// valid
import mongoose from '../infrastructure/mongoose.mjs';

const { Schema } = mongoose;

const WorkspaceSchema = new Schema({ name: String, memberIds: [Schema.Types.ObjectId] });

export const Workspace = mongoose.model('Workspace', WorkspaceSchema);
