{{/*
Chart name, for the app.kubernetes.io/name label.
*/}}
{{- define "cron-job.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Object names: the release name is the service name. CronJob names are capped
at 52 characters because the controller appends an 11-character suffix to Job names.
*/}}
{{- define "cron-job.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "cron-job.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "cron-job.selectorLabels" -}}
app.kubernetes.io/name: {{ include "cron-job.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "cron-job.labels" -}}
helm.sh/chart: {{ include "cron-job.chart" . }}
{{ include "cron-job.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: cron
app.kubernetes.io/managed-by: paver
paver.dev/service: {{ .Release.Name }}
paver.dev/template: cron-job
paver.dev/template-version: {{ .Chart.Version | quote }}
{{- with .Values.team }}
paver.dev/team: {{ . }}
{{- end }}
{{- end }}
