{{/*
Chart name, for the app.kubernetes.io/name label.
*/}}
{{- define "web-service.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Object names. Paver's release name is the service name, so objects are
named after the service rather than "<release>-<chart>".
*/}}
{{- define "web-service.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "web-service.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: stable across versions, because a Deployment's selector is immutable.
*/}}
{{- define "web-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "web-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels on every object. paver.dev/* lets Paver trace a live object back to
the service and the template version that produced it.
*/}}
{{- define "web-service.labels" -}}
helm.sh/chart: {{ include "web-service.chart" . }}
{{ include "web-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: paver
paver.dev/service: {{ .Release.Name }}
paver.dev/template: web-service
paver.dev/template-version: {{ .Chart.Version | quote }}
paver.dev/team: {{ required "values.team is required: name the team that owns this service" .Values.team }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "web-service.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "web-service.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Container image reference.
*/}}
{{- define "web-service.image" -}}
{{- printf "%s:%s" (required "values.image.repository is required, e.g. ghcr.io/acme/checkout" .Values.image.repository) (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
