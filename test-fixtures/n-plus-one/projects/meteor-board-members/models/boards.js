// valid
import { Mongo } from 'meteor/mongo';

export const Boards = new Mongo.Collection('boards');
export const Cards = new Mongo.Collection('cards');
