#!/bin/sh
# Runs the nightly load once, for cron, and acts on its exit code. Cron mails whatever a job prints (to MAILTO),
# so this script prints only when someone must act; the load's own output goes to data/logs/cron.log.
#   0  loaded, or nothing to do: silent.
#   1  a load failed, or a release was refused: mail. Failed loads are restartable: the next run (the retries at
#      03:00-06:00 in courtstats.cron) resumes from the last committed chunk.
#   2  usage or configuration error: mail. Running again does not help until the command or settings are fixed.
#   3  release held back (rejected rows over the threshold, or a failed data-quality check): mail. The message
#      says which; courtstats rejects / status --checks RUN show why. Running again holds it back again.
#   4  another load holds the warehouse's run lock: silent, not an alert. That load is doing this work.
# Exits with the load's exit code. COURTSTATS_HOME (default /srv/courtstats) holds courtstats.jar and inbox/;
# JAVA names the java to run (default: java on the PATH). The warehouse's settings (COURTSTATS_DB_URL,
# COURTSTATS_DB_USER, COURTSTATS_DB_PASSWORD or COURTSTATS_DB_PASSWORD_FILE) are read from COURTSTATS_ENV
# (default /etc/courtstats/courtstats.env, the file the systemd unit reads), when it exists: KEY=value lines, the
# key in capitals (COURTSTATS_DB_URL), each value taken as it is (quotes around it removed, no $ or other shell
# expansion), lines starting with # or ; ignored, as systemd reads them; a line with a backslash, whose escapes
# systemd reads and this script does not, is refused. Without the file the load uses the embedded warehouse in
# $COURTSTATS_HOME/data/warehouse.
set -u
home=${COURTSTATS_HOME:-/srv/courtstats}
java=${JAVA:-java}
env_file=${COURTSTATS_ENV:-/etc/courtstats/courtstats.env}
if [ -e "$env_file" ] || [ -L "$env_file" ]; then
    if [ ! -f "$env_file" ] || [ ! -r "$env_file" ]; then
        echo "courtstats: cannot read the settings in $env_file (COURTSTATS_ENV): not a readable file."
        exit 2
    fi
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        line=${line#"${line%%[![:space:]]*}"}
        line=${line%"$(printf '\r')"}
        case $line in
            ''|'#'*|';'*) continue ;;
            *\\*) echo "courtstats: $env_file, line $n: a backslash, whose escapes systemd reads and this script"
                echo "does not: write the value without it (or set the variable in the cron line)."; exit 2 ;;
            *=*) ;;
            *) echo "courtstats: $env_file, line $n: not KEY=value (nor a comment)."; exit 2 ;;
        esac
        key=${line%%=*}
        key=${key%"${key##*[![:space:]]}"}
        value=${line#*=}
        value=${value#"${value%%[![:space:]]*}"}
        value=${value%"${value##*[![:space:]]}"}
        case $value in
            \"*\") value=${value#\"}; value=${value%\"} ;;
            \'*\') value=${value#\'}; value=${value%\'} ;;
        esac
        case $key in
            ''|[0-9]*|*[!A-Z0-9_]*) echo "courtstats: $env_file, line $n: not a variable name in capitals ('$key')."
                exit 2 ;;
        esac
        export "$key=$value"
    done <"$env_file"
fi
log="$home/data/logs/cron.log"
mkdir -p "$home/data/logs" && cd "$home" || {
    echo "courtstats: cannot enter $home or create $home/data/logs; set COURTSTATS_HOME."
    exit 2
}
echo "== $(date '+%Y-%m-%d %H:%M:%S %z') courtstats load" >>"$log"
"$java" -Xmx512m -jar "$home/courtstats.jar" load --inbox "$home/inbox" >>"$log" 2>&1
code=$?
echo "== exit $code" >>"$log"
case $code in
    0) ;;
    4) ;;
    1) echo "courtstats: the nightly load on $(hostname) failed (exit 1): a load failed or a release was refused."
       echo "A failed load resumes at the next scheduled run; a refused release waits until it is fixed." ;;
    2) echo "courtstats: the nightly load on $(hostname) did not start (exit 2): usage or configuration error."
       echo "Fix the command line or the settings; running again does not help until then." ;;
    3) echo "courtstats: the nightly load on $(hostname) held a release back (exit 3): rejected rows over the"
       echo "threshold, or a failed data-quality check (the lines below say which). 'courtstats rejects' lists the"
       echo "rejected rows, 'courtstats status --checks RUN' the checks; fix the data, or replace or remove the release." ;;
    *) echo "courtstats: the nightly load on $(hostname) ended with an unexpected exit code $code." ;;
esac
if [ "$code" -ne 0 ] && [ "$code" -ne 4 ]; then
    echo "Last lines of $log (everything, stack traces included, in $home/data/logs/courtstats.log):"
    tail -n 20 "$log"
fi
exit "$code"
