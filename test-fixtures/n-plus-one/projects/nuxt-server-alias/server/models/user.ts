// valid
import { Schema, model } from 'mongoose';

const UserSchema = new Schema({ email: String, name: String });

export const UserModel = model('User', UserSchema);
