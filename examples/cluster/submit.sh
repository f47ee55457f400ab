#!/usr/bin/env bash
# Submits SHARDS hunt shards as one Slurm array job, and a merge job that
# starts when every shard has ended well. Prints the two job ids.
#
#   RUN_DIR=/shared/hunt-1 SHARDS=16 HUNT_ARGS="--time 7200 --opt 0,2" examples/cluster/submit.sh
#
# Then: squeue; RUN_DIR/merged is the merged corpus (testgen replay
# RUN_DIR/merged/rejected/ID), RUN_DIR/merge.json what the merge did.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${RUN_DIR:?set RUN_DIR to a directory every node sees}" "${SHARDS:=4}"
[[ $SHARDS =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: SHARDS=$SHARDS is not a positive number" >&2; exit 2; }
mkdir -p "$RUN_DIR"
RUN_DIR=$(cd "$RUN_DIR" && pwd)
export RUN_DIR
array=$(sbatch --parsable --chdir "$RUN_DIR" --array "0-$((SHARDS - 1))" --export ALL "$here/shard.sbatch")
array=${array%%;*}  # "id;cluster" on federated clusters
merge=$(sbatch --parsable --chdir "$RUN_DIR" --dependency "afterok:$array" --export ALL "$here/merge.sbatch")
echo "shards: job $array (array of $SHARDS)"
echo "merge:  job ${merge%%;*} (after the shards)"
