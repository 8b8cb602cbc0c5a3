/**
 * The two sides a person write on the current target can be served by, as the wizard, the review
 * and the rules name and explain them: one sentence each, from code-facts §10.4 and §9.
 */
import type { PersonWriteBackend } from "./model";

export interface PersonWriteSide {
  readonly label: string;
  readonly explanation: string;
}

export const PERSON_WRITE_SIDES: Readonly<Record<PersonWriteBackend, PersonWriteSide>> = {
  replica: {
    label: "The replica, on its primary pool (today's practice)",
    explanation:
      "As today's code serves DeletePersons, SplitPerson and the version floors: the router forwards it to the replica, which writes on its primary pool as a temporary measure, with a TODO in service.proto to move these writes to the leader once it serves them.",
  },
  leader: {
    label: "The leader",
    explanation:
      "As UpdatePersonProperties and the fences are: a match arm sends it to the partition's leader, found from the x-team-id and x-person-id headers every client must send, and since the router may replay it, the write must converge or carry an idempotency key (the at-least-once rule).",
  },
};
