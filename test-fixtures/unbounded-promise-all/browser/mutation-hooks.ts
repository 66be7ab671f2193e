// valid
// A React hook of Apollo Client runs in a component: removing the rows a user ticked is one user's fan-out.
import { useMutation } from '@apollo/client';

declare const REMOVE_LABEL: unknown;

export const useRemoveLabels = () => {
  const [removeLabel, { loading }] = useMutation(REMOVE_LABEL, { refetchQueries: ['Labels'] });

  const removeLabels = (ids: string[]) => Promise.all(ids.map((id) => removeLabel({ variables: { id } })));

  return { removeLabels, loading };
};
