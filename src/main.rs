//! `roadmap-planner`: the window without a command, or one of the commands of `cli`.

fn main() -> std::process::ExitCode {
    roadmap_planner::startup::mark_start();
    roadmap_planner::cli::main()
}
