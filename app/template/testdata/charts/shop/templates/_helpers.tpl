{{- define "shop.fullname" -}}
{{ .Release.Name }}-{{ .Chart.Name }}
{{- end -}}
{{- define "shop.labels" -}}
app: {{ include "shop.fullname" . }}
team: {{ .Values.global.team }}
{{- end -}}
