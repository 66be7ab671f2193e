// valid
export * from './update-employee.command';
export * from './send-welcome.command';
