// valid
export interface Enrollment {
  id: string;
  courseId: string;
  studentId: string;
}

export interface EnrollmentRepository {
  findByCourse(courseId: string): Promise<Enrollment[]>;
  delete(enrollment: Enrollment): Promise<void>;
}
