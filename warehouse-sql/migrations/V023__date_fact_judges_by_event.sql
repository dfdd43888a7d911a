-- Facts point at the version of a judge that held when the event happened, not at the version
-- current when the release was loaded: type 2 history then answers "which court was the judge in
-- when deciding this". Only the definitions change.

comment on column warehouse.fct_proceeding.judge_key is 'Judge (IJ_CODE): the version that held on the completion date, or the current version while the proceeding is pending. The first version of a judge also covers dates before the first release that recorded the judge.';
comment on column warehouse.fct_hearing.judge_key is 'Judge (IJ_CODE): the version that held on the scheduled date, or the current version for a hearing still to come. The first version of a judge also covers dates before the first release that recorded the judge.';
