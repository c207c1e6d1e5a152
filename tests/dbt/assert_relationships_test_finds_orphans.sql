-- The project's relationships test (macros/tests/relationships.sql, an anti-join) returns one row per child row
-- whose value no parent row has, whatever the parents' duplicates, and ignores null children: here the two rows
-- of value 3. Returns a row when it finds anything else.
with

found as (
    {{ duckdb__test_relationships(
        model='(select * from (values (1), (2), (3), (3), (null)) as child(value))',
        column_name='value',
        to='(select * from (values (1), (1), (2), (2), (2)) as parent(value))',
        field='value',
    ) }}
),

summary as (
    select count(*) as orphans, min(from_field) as lowest, max(from_field) as highest
    from found
)

select *
from summary
where not (orphans = 2 and lowest = 3 and highest = 3)
