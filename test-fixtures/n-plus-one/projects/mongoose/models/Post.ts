// valid
import mongoose, { Schema, model } from 'mongoose';

const PostSchema = new Schema({ title: String, author: { type: Schema.Types.ObjectId, ref: 'User' } });

export default mongoose.models.Post || model('Post', PostSchema);
