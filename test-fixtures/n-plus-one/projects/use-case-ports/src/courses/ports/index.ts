// valid
export * from './EnrollmentRepository';
