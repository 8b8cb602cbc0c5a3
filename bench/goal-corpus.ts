/**
 * The workload issue 17 set its speed goals on: the SQL corpus's 61 rows as they stood then
 * (lib/sql/corpus.ts at 44867e6). The corpus has grown since (new rows test verdicts, some of them
 * built to be slow: a 2,207-value IN list, 14-way joins), so the bench also reports its speed
 * figures over this fixed set, as information beside the whole corpus's.
 */
import { CORPUS, type CorpusQuery } from "../lib/sql/corpus";

const IDS: readonly string[] = [
  "person.get_person_by_id",
  "person.get_person_by_uuid",
  "person.get_persons_by_ids",
  "person.get_persons_by_uuids",
  "person.get_person_by_distinct_id",
  "person.get_persons_by_distinct_ids_in_team",
  "person.get_persons_by_distinct_ids_cross_team",
  "person.delete_persons.resolve",
  "person.delete_persons_by_ids.lock",
  "person.delete_persons_by_ids.distinct_ids",
  "person.delete_persons_by_ids.cohorts",
  "person.delete_persons_by_ids.persons",
  "person.delete_persons_batch_for_team",
  "person.get_person_tombstones.persons",
  "person.get_person_tombstones.distinct_ids",
  "person.split_person.version",
  "person.split_person.lock_distinct_ids",
  "person.split_person.revive",
  "person.set_person_distinct_id_version_floor",
  "person.set_person_version_floor",
  "distinct_id.for_person.cursor_limit",
  "distinct_id.for_person.all",
  "distinct_id.for_person.capped_identified",
  "distinct_id.for_persons.lateral",
  "distinct_id.for_persons.all",
  "feature_flag.hash_key_override_context",
  "feature_flag.upsert_hash_key_overrides",
  "feature_flag.delete_by_teams",
  "cohort.check_membership",
  "cohort.count_members",
  "cohort.delete_member",
  "cohort.delete_members_bulk",
  "cohort.insert_members",
  "cohort.list_member_ids",
  "group.get_group",
  "group.get_groups",
  "group.get_groups_batch",
  "group.list_groups",
  "group.create_group",
  "group.update_group",
  "group.delete_groups_batch_for_team",
  "group.type_mappings_by_team",
  "group.type_mappings_by_teams",
  "group.type_mappings_by_project",
  "group.type_mapping_by_dashboard",
  "group.update_group_type_mapping",
  "group.delete_group_type_mapping",
  "pattern.person.merged_into",
  "pattern.personless.lookup",
  "pattern.personoverride.lookup",
  "pattern.hash_key_override.for_person",
  "pattern.literals",
  "bad.seq_scan.no_predicate_index",
  "bad.seq_scan.skip_scan_trap",
  "bad.seq_scan.cohort_by_version",
  "bad.no_pruning.person_by_id",
  "bad.no_pruning.person_by_uuid",
  "bad.broad.group_by_type",
  "bad.broad.person_by_email",
  "bad.sort.cohorts_of_person",
  "bad.not_eligible",
];

/** The rows of the goals' workload, in corpus order; throws if one was renamed or removed. */
export function goalCorpus(): { rows: CorpusQuery[]; indexes: number[] } {
  const wanted = new Set(IDS);
  const indexes = CORPUS.flatMap((q, i) => (wanted.has(q.id) ? [i] : []));
  if (indexes.length !== IDS.length)
    throw new Error(
      `bench/goal-corpus.ts: ${IDS.length - indexes.length} ids are not in the corpus`,
    );
  return { rows: indexes.map((i) => CORPUS[i]!), indexes };
}
