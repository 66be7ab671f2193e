import { Shelf } from './entities';
import { ShelvesService } from './shelves.service';
import { ShelfLimitsService } from './shelf-limits.service';

interface Injector {
  get<T>(type: new (...args: never[]) => T): T;
}

let shelfService;
let limits: import('./shelf-limits.service').ShelfLimitsService;

/** A rule the application sets up once, with the services it needs. */
export const fullShelvesRule = {
  init(injector: Injector) {
    shelfService = injector.get(ShelvesService);
    limits = injector.get(ShelfLimitsService);
  },
  async check(shelfList: Shelf[]): Promise<number> {
    let full = 0;
    for (const shelf of shelfList) {
      if ((await limits.used(shelf)) >= 10) full++;
//               ^^^^^^^^^^^ n-plus-one
    }
    for (const shelf of shelfList) {
      await shelfService.createShelf(`${shelf.title} (copy)`, []);
//          ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return full;
  },
};
