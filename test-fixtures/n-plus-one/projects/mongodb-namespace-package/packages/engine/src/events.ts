// valid
export const emit = async (name: string, payload: unknown) => {
  console.log(name, payload);
};
