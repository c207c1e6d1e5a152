{#- A return reason as a marketplace export gives it (Amazon's codes such as `APPAREL_TOO_SMALL` or `SWITCHEROO`,
    eBay's `NOT_AS_DESCRIBED`, or free text in English, German or Chinese) mapped to the warehouse's reason
    categories, the ones Shopify-shaped returns use: size_too_small, size_too_large, color, style, wrong_item,
    not_as_described, defective, unwanted; anything else `other`, nothing `unknown`. First match wins, in that
    order. -#}
{% macro return_reason_category(reason) -%}
    case
        when nullif(trim({{ reason }}), '') is null then 'unknown'
        when regexp_matches(lower({{ reason }}), 'too[ _-]?small|zu klein|偏小|太小') then 'size_too_small'
        when regexp_matches(lower({{ reason }}), 'too[ _-]?(large|big)|zu gro(ß|ss)|偏大|太大') then 'size_too_large'
        when regexp_matches(lower({{ reason }}), 'colou?r|farbe|颜色') then 'color'
        when regexp_matches(lower({{ reason }}), 'style|stil\b|款式') then 'style'
        when regexp_matches(lower({{ reason }}), 'wrong|switcheroo|incorrect|extra[ _]item|falsch|发错|错发') then 'wrong_item'
        when regexp_matches(lower({{ reason }}), 'not[ _]as[ _]described|different|nicht wie beschrieben|描述不符|与描述') then 'not_as_described'
        when regexp_matches(lower({{ reason }}), 'defect|damaged|broken|quality|missing[ _]parts|not[ _]work|defekt|beschädigt|kaputt|质量|损坏|破损') then 'defective'
        when regexp_matches(lower({{ reason }}), 'unwanted|no[ _]longer|not[ _]needed|accident|better[ _]price|changed? (my )?mind|gefällt nicht|nicht mehr|不想要|不需要|不喜欢') then 'unwanted'
        else 'other'
    end
{%- endmacro %}
