{#- A helpdesk channel as a source names it (Zendesk `via.channel`, a file export's `channel` column) mapped to the
    warehouse's channel categories (seed `channels`). -#}
{% macro channel_category(channel) -%}
    case
        when lower({{ channel }}) in ('email', 'e-mail', 'mail') then 'email'
        when lower({{ channel }}) in ('chat', 'live_chat', 'livechat', 'native_messaging', 'messaging') then 'chat'
        when lower({{ channel }}) in ('web', 'web_form', 'web_widget', 'help_center', 'form', 'contact_form', 'portal') then 'web_form'
        when lower({{ channel }}) in ('any_channel', 'marketplace', 'marketplace_message', 'buyer_seller_messaging') then 'marketplace'
        when lower({{ channel }}) in ('facebook', 'instagram', 'instagram_dm', 'twitter', 'whatsapp', 'line', 'wechat', 'sms', 'social') then 'social'
        when lower({{ channel }}) in ('voice', 'phone', 'call') then 'phone'
        else 'other'
    end
{%- endmacro %}
