-- The benchmark's scale data set: 98 municipalities × 5 councils, 10 years of quarterly-plus meetings
-- (5 a year) with 10 items each, and 8 hearings a year per council. Set-based, so it loads in seconds.
insert into municipalities (slug, name, code)
select 'bench-' || m, 'Benchmark Kommune ' || m, lpad((1000 + m)::text, 4, '0') from generate_series(1, 98) m;

insert into councils (municipality_id, slug, name, type)
select mu.id, 'raad-' || c, 'Råd ' || c,
       (array['handicapraad','aeldreraad','integrationsraad','ungeraad','opgaveudvalg'])[c]
from municipalities mu cross join generate_series(1, 5) c where mu.slug like 'bench-%';

-- meetings from 9 years ago to 1 year ahead; past ones have published minutes
insert into meetings (municipality_id, council_id, starts_at, location, status, agenda_published_at, held_at, minutes_published_at)
select co.municipality_id, co.id, t.starts_at, 'Mødelokale 1, Rådhuset',
       case when t.starts_at < now() - interval '10 days' then 'minutes_published'
            when t.starts_at < now() then 'held'
            when t.starts_at < now() + interval '20 days' then 'agenda_published'
            else 'planned' end,
       case when t.starts_at < now() + interval '20 days' then t.starts_at - interval '7 days' end,
       case when t.starts_at < now() then t.starts_at end,
       case when t.starts_at < now() - interval '10 days' then t.starts_at + interval '9 days' end
from councils co
cross join lateral (
  select date_trunc('day', now()) - interval '9 years' + (k * interval '73 days') + interval '13 hours'
         + ((hashtext(co.id::text) & 31) * interval '1 day') as starts_at
  from generate_series(0, 49) k
) t
where co.slug like 'raad-%';

insert into agenda_items (municipality_id, meeting_id, position, title, summary, recommendation, decision, closed)
select me.municipality_id, me.id, p, 'Punkt ' || p || ': Orientering om handicapområdet',
       'Resumé af sagen om tilgængelighed og kørselsordning.',
       'Forvaltningen indstiller, at rådet tager orienteringen til efterretning.',
       case when me.status = 'minutes_published' then 'Taget til efterretning.' end,
       p = 10
from meetings me cross join generate_series(1, 10) p
where me.location = 'Mødelokale 1, Rådhuset';

insert into hearings (municipality_id, council_id, title, requesting_body, received_on, response_deadline)
select co.municipality_id, co.id, 'Høring nr. ' || k, 'Social- og Sundhedsforvaltningen',
       (date_trunc('day', now()) - interval '9 years' + k * interval '45 days')::date,
       date_trunc('day', now()) - interval '9 years' + k * interval '45 days' + interval '21 days 11 hours'
from councils co cross join generate_series(0, 80) k
where co.slug like 'raad-%';

analyze;
