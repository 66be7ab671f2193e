// valid
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Employee } from './employee.entity';

@Injectable()
export class EmployeeService {
  constructor(@InjectRepository(Employee) private readonly employees: Repository<Employee>) {}

  async findOneByIdString(id: string): Promise<Employee | null> {
    return this.employees.findOneBy({ id });
  }

  async update(id: string, changes: Partial<Employee>) {
    return this.employees.update(id, changes);
  }
}
