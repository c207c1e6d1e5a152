{#- Zendesk `via.channel` mapped to the warehouse's channel categories. -#}
{% macro zendesk_channel(via_channel) -%}
    case
        when {{ via_channel }} = 'email' then 'email'
        when {{ via_channel }} in ('chat', 'native_messaging', 'messaging') then 'chat'
        when {{ via_channel }} in ('web', 'web_form', 'web_widget', 'help_center') then 'web_form'
        when {{ via_channel }} = 'any_channel' then 'marketplace'
        when {{ via_channel }} in ('facebook', 'instagram_dm', 'twitter', 'whatsapp', 'line', 'wechat') then 'social'
        when {{ via_channel }} in ('voice', 'phone') then 'phone'
        else 'other'
    end
{%- endmacro %}
