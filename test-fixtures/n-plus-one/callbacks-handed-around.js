// valid: functions that hand a callback on around a cycle (a folder walked by callbacks) hand no list of their own, and the walk ends.
const fs = require('fs');
const path = require('path');
const guard = require('./guard');
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

function startEntry(stat, from, to, options, done) {
  if (options.filter) return applyFilter(visitEntry, stat, from, to, options, done);
  return visitEntry(stat, from, to, options, done);
}

function visitEntry(stat, from, to, options, done) {
  const read = options.follow ? fs.stat : fs.lstat;
  read(from, (error, entry) => {
    if (error) return done(error);
    if (entry.isDirectory()) return mirrorFolder(from, to, options, done);
    return done();
  });
}

function mirrorFolder(from, to, options, done) {
  fs.readdir(from, (error, names) => {
    if (error) return done(error);
    return mirrorNames(names, from, to, options, done);
  });
}

function mirrorNames(names, from, to, options, done) {
  const name = names.pop();
  if (!name) return done();
  return mirrorName(names, name, from, to, options, done);
}

function mirrorName(names, name, from, to, options, done) {
  const source = path.join(from, name);
  const target = path.join(to, name);
  guard.checkPair(source, target, options, (failure, pair) => {
    if (failure) return done(failure);
    startEntry(pair.targetStat, source, target, options, (error) => {
      if (error) return done(error);
      return mirrorNames(names, from, to, options, done);
    });
  });
}

module.exports = async function mirrorAll(pairs, done) {
  for (const { from, to } of pairs) mirrorFolder(from, to, {}, done);
  return prisma.mirror.createMany({ data: pairs });
};
