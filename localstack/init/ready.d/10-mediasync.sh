#!/bin/bash
# Creates in LocalStack the queues and buckets that template.yaml declares, with the same
# attributes. Runs inside the LocalStack container once it is ready (init hook, READY stage).
# Names: the template's defaults for queues; local names for the buckets (S3 names are global
# in AWS, so the template derives them from stage and account; here they are the seed's).
# Idempotent: safe to run again by hand (docker compose exec localstack /etc/localstack/init/ready.d/10-mediasync.sh).
set -euo pipefail

export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"

IMAGE_QUEUE="${IMAGE_QUEUE_NAME:-ImageQueue.fifo}"        # template: ImageQueueName
IMAGE_DLQ="${IMAGE_QUEUE%.fifo}-dlq.fifo"                  # template: ImageQueueDLQ
MAX_RECEIVE_COUNT="${MAX_RECEIVE_COUNT:-5}"                # template: ImageQueueMaxReceiveCount
VISIBILITY_TIMEOUT=360                                     # template: 6 x the 60 s function timeout
REDIRECT_QUEUE=ChannelImages                               # template: ChannelImagesQueue
RESIZED_BUCKET="${RESIZED_BUCKET:-images-ch}"              # template: ResizedBucket
CONTENT_BUCKET="${CONTENT_BUCKET:-mediasync-content}"      # template: ContentBucket

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

queue_arn() {
  awslocal sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text
}

# DLQ first: the image queue's redrive policy names it. FIFO queue -> FIFO DLQ.
cat > "$tmp/dlq.json" <<JSON
{
  "FifoQueue": "true",
  "ContentBasedDeduplication": "false",
  "MessageRetentionPeriod": "1209600"
}
JSON
dlq_url="$(awslocal sqs create-queue --queue-name "$IMAGE_DLQ" \
  --attributes "file://$tmp/dlq.json" --query QueueUrl --output text)"
dlq_arn="$(queue_arn "$dlq_url")"

cat > "$tmp/queue.json" <<JSON
{
  "FifoQueue": "true",
  "ContentBasedDeduplication": "false",
  "MessageRetentionPeriod": "345600",
  "VisibilityTimeout": "$VISIBILITY_TIMEOUT",
  "RedrivePolicy": "{\"deadLetterTargetArn\":\"$dlq_arn\",\"maxReceiveCount\":$MAX_RECEIVE_COUNT}"
}
JSON
queue_url="$(awslocal sqs create-queue --queue-name "$IMAGE_QUEUE" \
  --attributes "file://$tmp/queue.json" --query QueueUrl --output text)"

# Only the image queue may use the DLQ, as in the template. Not essential locally: a failure
# here is reported, not fatal.
cat > "$tmp/allow.json" <<JSON
{
  "RedriveAllowPolicy": "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"${dlq_arn%:*}:$IMAGE_QUEUE\"]}"
}
JSON
awslocal sqs set-queue-attributes --queue-url "$dlq_url" --attributes "file://$tmp/allow.json" \
  || echo "mediasync: could not set RedriveAllowPolicy on $IMAGE_DLQ (ignored)" >&2

# The seed's example redirect_queue: a standard queue.
redirect_url="$(awslocal sqs create-queue --queue-name "$REDIRECT_QUEUE" \
  --attributes MessageRetentionPeriod=345600 --query QueueUrl --output text)"

for bucket in "$CONTENT_BUCKET" "$RESIZED_BUCKET"; do
  if ! awslocal s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
    awslocal s3api create-bucket --bucket "$bucket" >/dev/null
  fi
done

echo "mediasync: image queue      $queue_url"
echo "mediasync: image queue DLQ  $dlq_url (maxReceiveCount $MAX_RECEIVE_COUNT)"
echo "mediasync: redirect queue   $redirect_url"
echo "mediasync: buckets          s3://$CONTENT_BUCKET s3://$RESIZED_BUCKET"
