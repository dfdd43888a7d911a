-- Every EOIR release updates each case and proceeding it holds, if only for last_seen_release_key.
-- With half of each page left free, the new version of a row fits in the page of the old one and,
-- as no indexed column changes, no index entry is written (a heap-only tuple); the next release
-- reclaims the old versions as it reads the page. Full pages sent every new version elsewhere,
-- with an entry in each index, and doubled the table between vacuums. Pages written before this
-- migration take the setting as they are rewritten.
alter table warehouse.fct_case set (fillfactor = 50);
alter table warehouse.fct_proceeding set (fillfactor = 50);
