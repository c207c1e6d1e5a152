{#- Minutes since local midnight of a `HH:MM` text time (as in seed business_hours); `24:00` gives 1440. -#}
{% macro minutes_since_midnight(hhmm) -%}
    (cast(substr({{ hhmm }}, 1, 2) as integer) * 60 + cast(substr({{ hhmm }}, 4, 2) as integer))
{%- endmacro %}
