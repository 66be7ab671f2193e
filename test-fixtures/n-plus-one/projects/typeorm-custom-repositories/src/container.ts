// valid
import { Container } from 'typedi';

type Constructor<T> = new (...args: never[]) => T;

export const getService = <T>(ctor: Constructor<T>): T => Container.get(ctor);
