// orders.cpp: a small order-routing program that crashes on purpose (a wasmcore sample).
//
// Built for wasm32-wasi with libc++ and -fno-exceptions. Dispatcher::route() asks a Route
// for a leg by index; Route::leg() is a small inline method whose bounds check ends in
// __builtin_trap(), so the engine traps with "unreachable". At -O2 the check is inlined into
// route(), so the trapping frame has an inlined level. The call chain at the trap is
// main -> shipAll -> Dispatcher::route -> logistics::Route::leg.
//
// Alive at the trap: a class hierarchy (Vehicle <- Truck, with a virtual method), a
// namespace (logistics), a class template (Stock<T, N>), std::string short (inline buffer)
// and long (heap), std::vector<int>, std::vector<std::string>, an enum class, a struct
// member reached through a reference. src/out/expected lists the values.
#include <cstdio>
#include <string>
#include <vector>

namespace logistics {

enum class Priority { Low = 1, Normal = 2, Urgent = 3 };

struct Address {
    std::string city;
    int zip;
};

class Vehicle {
public:
    Vehicle(const char *plate, int capacity) : plate_(plate), capacity_(capacity) {}
    virtual ~Vehicle() = default;
    virtual int load(int parcels) { return parcels > capacity_ ? capacity_ : parcels; }
    const std::string &plate() const { return plate_; }
protected:
    std::string plate_;
    int capacity_;
};

class Truck : public Vehicle {
public:
    Truck(const char *plate, int capacity, int axles) : Vehicle(plate, capacity), axles_(axles) {}
    int load(int parcels) override { return Vehicle::load(parcels) * axles_; }
    int axles() const { return axles_; }
private:
    int axles_;
};

template <typename T, int N>
class Stock {
public:
    void put(T item) { if (count_ < N) items_[count_++] = item; }
    int count() const { return count_; }
    T items_[N] = {};
private:
    int count_ = 0;
};

class Route {
public:
    explicit Route(std::vector<std::string> legs) : legs_(legs) {}
    // The bug's victim: callers must pass a valid index. Inlined at -O2.
    inline const std::string &leg(std::size_t i) const {
        if (i >= legs_.size()) __builtin_trap();
        return legs_[i];
    }
    std::size_t size() const { return legs_.size(); }
private:
    std::vector<std::string> legs_;
};

}  // namespace logistics

using namespace logistics;

struct Order {
    int id;
    Priority priority;
    Address to;
    std::vector<int> parcels;
};

class Dispatcher {
public:
    Dispatcher(const Route &route, Vehicle &vehicle) : route_(route), vehicle_(vehicle) {}
    // The bug: shipAll lets an urgent order skip a stop, so the last order asks for leg 3 of 3.
    __attribute__((noinline)) int route(const Order &order, std::size_t stop) {
        int weight = 0;
        for (int p : order.parcels) weight += p;
        int loaded = vehicle_.load(static_cast<int>(order.parcels.size()));
        const std::string &where = route_.leg(stop);
        dispatched_ += loaded;
        return weight + static_cast<int>(where.size());
    }
    int dispatched() const { return dispatched_; }
private:
    const Route &route_;
    Vehicle &vehicle_;
    int dispatched_ = 0;
};

__attribute__((noinline)) int shipAll(Dispatcher &d, const std::vector<Order> &orders) {
    int total = 0;
    std::size_t stop = 0;
    for (const Order &o : orders) {
        total += d.route(o, stop);
        stop += o.priority == Priority::Urgent ? 2 : 1;
    }
    return total;
}

int main() {
    Truck truck("WA-4711", 40, 3);
    Route route({ "depot", "harbour bridge", "airport cargo terminal 2" });
    Stock<double, 4> fuel;
    fuel.put(12.5);
    fuel.put(7.25);
    std::string shortName = "Ada";
    std::string longName = "Grace Brewster Murray Hopper, Rear Admiral";
    std::vector<Order> orders;
    orders.push_back({ 101, Priority::Normal, { "Lyon", 69001 }, { 3, 4 } });
    orders.push_back({ 102, Priority::Urgent, { "Porto", 4000 }, { 10, 20, 30 } });
    orders.push_back({ 103, Priority::Low, { "Ghent", 9000 }, { 5 } });
    Dispatcher dispatcher(route, truck);
    int total = shipAll(dispatcher, orders);
    std::printf("%d %s %s %d %zu\n", total, shortName.c_str(), longName.c_str(), fuel.count(), route.size());
    return 0;
}
